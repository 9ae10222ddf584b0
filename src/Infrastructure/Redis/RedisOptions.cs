namespace NovaPulse.Infrastructure.Redis;

/// <summary>Section <c>Redis</c>: the state several hosts must share. Unset, every host keeps it in memory (one host needs nothing).</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis.internal:6379,password=...,ssl=true</c>.</summary>
    public string Configuration { get; set; } = "";

    /// <summary>
    /// Redis unreachable: true, each host falls back to its own in-memory limits (the cluster allows up to N × the budget
    /// meanwhile); false, limited requests answer 503 until Redis is back.
    /// </summary>
    public bool FailOpen { get; set; } = true;

    /// <summary>Prefix of every key this deployment writes, so several deployments can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "novapulse:";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}
