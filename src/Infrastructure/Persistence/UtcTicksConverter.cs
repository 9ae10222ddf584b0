using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NovaPulse.Infrastructure.Persistence;

/// <summary>
/// Stores a UTC <see cref="DateTimeOffset"/> as its exact tick count: sortable and comparable in SQLite, and a
/// value reads back exactly as it was written (EF's binary converter drops sub-millisecond precision).
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
