using NovaPulse.Domain.Billing;

namespace NovaPulse.Domain.UnitTests.Billing;

public sealed class InvoiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static InvoiceChange Change(string status) =>
        new("in_1", "NP-0001", status, 2900, status == "paid" ? 2900 : 0, "usd", Now.AddDays(-30), Now, "https://invoice.example/in_1", null, Now);

    [Fact]
    public void Becoming_paid_raises_invoice_paid_once()
    {
        var invoice = Invoice.Create(Guid.NewGuid(), Change("open"));

        invoice.Apply(Change("paid"));
        invoice.Apply(Change("paid"));

        var paid = Assert.IsType<InvoicePaid>(Assert.Single(invoice.DomainEvents));
        Assert.Equal("in_1", paid.Invoice.Id);
        Assert.Equal(2900, paid.Invoice.AmountPaid);
    }

    [Fact]
    public void Each_failed_collection_raises_payment_failed()
    {
        var invoice = Invoice.Create(Guid.NewGuid(), Change("open"));

        invoice.RecordPaymentFailure();
        invoice.RecordPaymentFailure();

        Assert.Equal(2, invoice.DomainEvents.OfType<InvoicePaymentFailed>().Count());
    }
}
