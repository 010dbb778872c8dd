using VocabBot.Learning.Review;

namespace VocabBot.Tests.Learning;

// Expected values are worked out by hand from the FSRS-4.5 formulas and default weights;
// the arithmetic is in each test's comment.
public sealed class FsrsTests
{
    private const int Precision = 4;

    [Fact]
    public void Retrievability_AfterStabilityDays_IsNinetyPercent()
    {
        // R(S, S) = (1 + 19/81)^-0.5 = (100/81)^-0.5 = 9/10
        Assert.Equal(0.9, Fsrs.Retrievability(3.7145, 3.7145), 10);
        Assert.Equal(1.0, Fsrs.Retrievability(0, 3.7145), 10);
    }

    [Fact]
    public void FirstAnswer_Good_StartsAtW2AndW4()
    {
        // S0(Good) = w2 = 3.7145; D0(Good) = w4 - (3-3)*w5 = 5.1618; interval = round(3.7145) = 4 days
        var memory = Fsrs.Next(null, 0, Rating.Good);
        Assert.Equal(3.7145, memory.Stability, Precision);
        Assert.Equal(5.1618, memory.Difficulty, Precision);
        Assert.Equal(4, Fsrs.IntervalDays(memory.Stability));
    }

    [Fact]
    public void FirstAnswer_Again_StartsAtW0AndHarderDifficulty()
    {
        // S0(Again) = w0 = 0.4872; D0(Again) = w4 - (1-3)*w5 = 5.1618 + 2*1.2298 = 7.6214; interval rounds to 0, at least 1 day
        var memory = Fsrs.Next(null, 0, Rating.Again);
        Assert.Equal(0.4872, memory.Stability, Precision);
        Assert.Equal(7.6214, memory.Difficulty, Precision);
        Assert.Equal(1, Fsrs.IntervalDays(memory.Stability));
    }

    [Fact]
    public void SecondAnswer_GoodAfterFourDays_GrowsStability()
    {
        // S = 3.7145, D = 5.1618, t = 4:
        // R = (1 + (19/81)*4/3.7145)^-0.5 = (1 + 0.252597)^-0.5 = 0.893500
        // S' = S * (e^w8 * (11-D) * S^-w9 * (e^(w10*(1-R)) - 1) + 1)
        //    = 3.7145 * (5.193459 * 5.8382 * 0.835785 * (e^(1.0461*0.106500) - 1) + 1)
        //    = 3.7145 * (5.193459 * 5.8382 * 0.835785 * 0.117853 + 1) = 3.7145 * 3.986566 = 14.8081
        // D' = w7*D0(3) + (1-w7)*(D - w6*0) = 0.031*5.1618 + 0.969*5.1618 = 5.1618
        var memory = Fsrs.Next(new FsrsMemory(3.7145, 5.1618), 4, Rating.Good);
        Assert.Equal(0.893500, Fsrs.Retrievability(4, 3.7145), 6);
        Assert.Equal(14.8081, memory.Stability, Precision);
        Assert.Equal(5.1618, memory.Difficulty, Precision);
        Assert.Equal(15, Fsrs.IntervalDays(memory.Stability));
    }

    [Fact]
    public void SecondAnswer_AgainAfterFourDays_ForgetsAndHardens()
    {
        // S = 3.7145, D = 5.1618, t = 4, R = 0.893500 (as above):
        // S' = w11 * D^-w12 * ((S+1)^w13 - 1) * e^(w14*(1-R))
        //    = 2.1072 * 5.1618^-0.0793 * (4.7145^0.3246 - 1) * e^(1.587*0.106500)
        //    = 2.1072 * 0.877960 * 0.654235 * 1.184139 = 1.4332
        // D' = w7*D0(3) + (1-w7)*(D - w6*(1-3)) = 0.031*5.1618 + 0.969*(5.1618 + 1.795) = 0.160016 + 6.741139 = 6.901155
        var memory = Fsrs.Next(new FsrsMemory(3.7145, 5.1618), 4, Rating.Again);
        Assert.Equal(1.4332, memory.Stability, Precision);
        Assert.Equal(6.901155, memory.Difficulty, 6);
        Assert.Equal(1, Fsrs.IntervalDays(memory.Stability));
    }

    [Fact]
    public void NextDifficulty_ClampsToOneAndTen()
    {
        // Easy from D=1: 0.031*5.1618 + 0.969*(1 - 0.8975*(4-3)) = 0.160016 + 0.099323 = 0.2593 -> 1
        // Again from D=10: 0.160016 + 0.969*(10 + 0.8975*2) = 0.160016 + 11.429355 = 11.5894 -> 10
        Assert.Equal(1.0, Fsrs.NextDifficulty(1.0, Rating.Easy), Precision);
        Assert.Equal(10.0, Fsrs.NextDifficulty(10.0, Rating.Again), Precision);
    }

    [Fact]
    public void Interval_ForNinetyPercentRetention_IsTheStability()
    {
        // S/FACTOR * (0.9^(1/DECAY) - 1) = S * (81/19) * (100/81 - 1) = S * (81/19) * (19/81) = S
        Assert.Equal(37, Fsrs.IntervalDays(37.0));
        Assert.Equal(36500, Fsrs.IntervalDays(1e9));
    }
}
