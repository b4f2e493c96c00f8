using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace ComplaintConsole.Data;

public sealed class InstantConverter() : ValueConverter<Instant, long>(
    i => i.ToUnixTimeMilliseconds(),
    ms => Instant.FromUnixTimeMilliseconds(ms));

public sealed class LocalDateConverter() : ValueConverter<LocalDate, DateOnly>(
    d => d.ToDateOnly(),
    d => LocalDate.FromDateOnly(d));

public sealed class LocalTimeConverter() : ValueConverter<LocalTime, TimeOnly>(
    t => t.ToTimeOnly(),
    t => LocalTime.FromTimeOnly(t));
