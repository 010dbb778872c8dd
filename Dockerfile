# VocabBot image: build and test with the SDK, run on the runtime image only.
# Base images are arguments so the image can be built from a local mirror:
#   docker build --build-arg SDK_IMAGE=mirror.local/dotnet/sdk:10.0 --build-arg RUNTIME_IMAGE=mirror.local/dotnet/aspnet:10.0 .
# The runtime image is the ASP.NET Core one: the app uses Kestrel for HTTP interactions (Discord__Interactions=Http).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY VocabBot.sln Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/VocabBot/VocabBot.csproj src/VocabBot/
COPY tests/VocabBot.Tests/VocabBot.Tests.csproj tests/VocabBot.Tests/
COPY tests/VocabBot.Benchmarks/VocabBot.Benchmarks.csproj tests/VocabBot.Benchmarks/
COPY tests/VocabBot.ClusterNode/VocabBot.ClusterNode.csproj tests/VocabBot.ClusterNode/
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
    ASPNETCORE_URLS=http://+:8080 \
    DOTNET_ENVIRONMENT=Production
VOLUME /data
# Where the bot listens with Discord__Interactions=Http (POST /interactions); in gateway mode nothing listens. The bot
# reads Urls / ASPNETCORE_URLS only, not the image's ASPNETCORE_HTTP_PORTS.
EXPOSE 8080
# The bot touches the liveness file while its gateway connection is healthy (in HTTP mode: while it listens).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["sh", "-c", "find /tmp/vocabbot.alive -mmin -2 | grep -q ."]
ENTRYPOINT ["dotnet", "VocabBot.dll"]
