namespace NovaPulse.Domain.Common;

/// <summary>Entities whose every mutation is written to the audit log.</summary>
public interface IAuditable;
