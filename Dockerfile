# NovaPulse API host (serves the dashboard; runs the workers unless Workers__Enabled=false).
#   docker build -t novapulse .
#   docker run --rm --env-file prod.env novapulse migrate      # apply migrations once per release
#   docker run -d --env-file prod.env -p 8080:8080 novapulse   # see docs/DEPLOYMENT.md for the settings
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files only, so the layer is reused until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Domain/NovaPulse.Domain.csproj src/Domain/
COPY src/Application/NovaPulse.Application.csproj src/Application/
COPY src/Infrastructure/NovaPulse.Infrastructure.csproj src/Infrastructure/
COPY src/Dashboard/NovaPulse.Dashboard.csproj src/Dashboard/
COPY src/WebApi/NovaPulse.WebApi.csproj src/WebApi/
RUN dotnet restore src/WebApi/NovaPulse.WebApi.csproj

COPY src/ src/
RUN dotnet publish src/WebApi/NovaPulse.WebApi.csproj -c Release --no-restore -o /app/publish /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# Local state (SQLite, LocalDisk uploads, generated development keys) only when configured so; mount a volume then.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DataDirectory=/app/data
COPY --from=build /app/publish .
RUN mkdir -p /app/data && chown app:app /app/data
# The image's unprivileged user (uid 1654): the process cannot write its own binaries.
USER app
# Probes: GET /health/live (liveness) and /health/ready (readiness) over HTTP from the orchestrator.
EXPOSE 8080
ENTRYPOINT ["dotnet", "NovaPulse.WebApi.dll"]
