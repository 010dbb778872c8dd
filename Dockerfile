# VocabBot image: build and test with the SDK, run on the runtime image only.
# Base images are arguments so the image can be built from a local mirror:
#   docker build --build-arg SDK_IMAGE=mirror.local/dotnet/sdk:10.0 --build-arg RUNTIME_IMAGE=mirror.local/dotnet/runtime:10.0 .
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime:10.0

FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY VocabBot.sln Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/VocabBot/VocabBot.csproj src/VocabBot/
COPY tests/VocabBot.Tests/VocabBot.Tests.csproj tests/VocabBot.Tests/
COPY tests/VocabBot.Benchmarks/VocabBot.Benchmarks.csproj tests/VocabBot.Benchmarks/
RUN dotnet restore VocabBot.sln
COPY . .
RUN dotnet build VocabBot.sln -c Release --no-restore
RUN dotnet test tests/VocabBot.Tests -c Release --no-build
# For the image's architecture only: a portable publish carries SkiaSharp's native library for every platform
# (200 MB); this one carries the one libSkiaSharp.so it loads (the NoDependencies build: libc and libstdc++ only).
ARG TARGETARCH
RUN dotnet publish src/VocabBot -c Release -a "${TARGETARCH:-amd64}" --self-contained false -o /app

FROM ${RUNTIME_IMAGE}
WORKDIR /app
COPY --from=build /app ./
COPY content/ ./content/
COPY appsettings.json ./
# The runtime images ship a non-root user 'app'; the database lives on a volume it owns.
RUN mkdir -p /data && chown app /data
USER app
ENV Storage__DatabasePath=/data/vocabbot.db \
    Console__ImageDirectory=/data/images \
    Discord__LivenessFile=/tmp/vocabbot.alive \
    DOTNET_ENVIRONMENT=Production
VOLUME /data
# The bot touches the liveness file while its gateway connection is healthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["sh", "-c", "find /tmp/vocabbot.alive -mmin -2 | grep -q ."]
ENTRYPOINT ["dotnet", "VocabBot.dll"]
