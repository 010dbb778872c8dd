using System.ComponentModel;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VocabBot;

/// <summary>
/// What is wrong with the settings of the options classes bound to a section, as "Key: what is wrong",
/// one line per key. The binder stops at the first value it cannot convert, and the start-up validator
/// at the first class the binder fails on; so each value is converted on its own first, then each class
/// is validated on its own.
/// </summary>
internal static partial class ConfigurationErrors
{
    private const int MaxDepth = 8;

    private static readonly MethodInfo ValidateMethod =
        typeof(ConfigurationErrors).GetMethod(nameof(Validate), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// The options classes bound to a section, in the order the features registered them: BindConfiguration
    /// registers a change token source for each, and each names its section in a Section constant.
    /// </summary>
    public static List<(Type Type, string Section)> BoundOptions(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var bound = new List<(Type, string)>();
        var types = services.Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(t => t.GenericTypeArguments[0])
            .Distinct();
        foreach (var type in types)
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() is string section)
                bound.Add((type, section));
        }

        return bound;
    }

    public static List<string> Find(IEnumerable<(Type Type, string Section)> bound, IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var failures = new List<string>();
        foreach (var (type, section) in bound)
        {
            // A class the binder fails on cannot be validated: its unconvertible values are all it reports.
            var unconvertible = Unconvertible(configuration.GetSection(section), type, 0).ToList();
            if (unconvertible.Count > 0)
                failures.AddRange(unconvertible);
            else
                failures.AddRange(Rejected(services, type).SelectMany(f => OnePerKey(f, section, configuration)));
        }

        return failures;
    }

    private static IEnumerable<string> Rejected(IServiceProvider services, Type type) =>
        (IEnumerable<string>)ValidateMethod.MakeGenericMethod(type).Invoke(null, [services])!;

    private static IEnumerable<string> Validate<T>(IServiceProvider services) where T : class
    {
        try
        {
            services.GetRequiredService<IOptionsMonitor<T>>().Get(Options.DefaultName);
            return [];
        }
        catch (OptionsValidationException e)
        {
            return e.Failures;
        }
        catch (InvalidOperationException e)
        {
            return [e.Message]; // a binder failure Unconvertible did not foresee: its own message names the key
        }
    }

    /// <summary>The values under <paramref name="section"/> that the binder cannot convert to <paramref name="type"/>.</summary>
    private static IEnumerable<string> Unconvertible(IConfigurationSection section, Type type, int depth)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string) || target == typeof(object) || depth > MaxDepth)
            return [];
        if (TypeDescriptor.GetConverter(target).CanConvertFrom(typeof(string)))
            return section.Value is { } value && !Converts(section, type) ? [$"{section.Path}: '{value}' is not {Expected(target)}"] : [];
        if (ElementType(target) is { } element)
            return section.GetChildren().SelectMany(child => Unconvertible(child, element, depth + 1));
        return target.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .SelectMany(p => Unconvertible(section.GetSection(p.Name), p.PropertyType, depth + 1));
    }

    private static bool Converts(IConfigurationSection section, Type type)
    {
        try
        {
            section.Get(type);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The values of a dictionary or the items of a list or array.</summary>
    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
            return type.GetElementType();
        var generic = type.GetInterfaces().Prepend(type).Where(i => i.IsGenericType).ToList();
        var dictionary = generic.FirstOrDefault(i => i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
        return dictionary?.GenericTypeArguments[1] ?? generic.FirstOrDefault(i => i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GenericTypeArguments[0];
    }

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(TimeSpan) => "a duration like 00:00:30 (hh:mm:ss)",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        { IsEnum: true } => $"one of {string.Join(", ", Enum.GetNames(type))}",
        _ => $"a valid {type.Name}",
    };

    /// <summary>
    /// ValidateDataAnnotations words its failures after the class ("... for 'ContentOptions' members: 'WatchDebounce'
    /// with the error: '...'"); this words them after the key, with the value. Other failures already name their key.
    /// </summary>
    private static IEnumerable<string> OnePerKey(string failure, string section, IConfiguration configuration)
    {
        var match = DataAnnotationFailure().Match(failure);
        if (!match.Success)
            return [failure];
        var message = match.Groups["message"].Value.TrimEnd('.');
        var members = match.Groups["members"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (members.Length == 0)
            return [$"{section}: {message}"];
        return members.Select(member => $"{section}:{member}").Select(key =>
            configuration[key] is { Length: > 0 } value && !message.Contains(value, StringComparison.Ordinal)
                ? $"{key}: {message} (got '{value}')"
                : $"{key}: {message}");
    }

    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']*' members: '(?<members>[^']*)' with the error: '(?<message>.*)'\.$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();
}
