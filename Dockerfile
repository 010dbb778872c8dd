# Placeholder until the [ship] issue: the real multi-stage image comes with it.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
FROM ${SDK_IMAGE}
WORKDIR /src
COPY . .
RUN dotnet publish src/VocabBot -c Release -o /app
WORKDIR /app
ENTRYPOINT ["dotnet", "VocabBot.dll"]
