namespace NovaPulse.Application.Common.Paging;

public static class PageRequest
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;
}
