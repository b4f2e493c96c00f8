using ComplaintConsole.Sla;

namespace ComplaintConsole.Admin;

/// <summary>
/// The two steps every calendar change takes in the dialogs: preview (how many open cases get a new deadline), then
/// save on confirm. A refusal by the service is kept as a bilingual message and nothing is saved.
/// </summary>
public sealed class ChangeFlow
{
    public ChangePreview? Preview { get; private set; }

    public BilingualMessage? Error { get; set; }

    public bool Busy { get; private set; }

    public async Task PreviewAsync(Func<Task<ChangePreview>> preview)
    {
        ArgumentNullException.ThrowIfNull(preview);
        await RunAsync(async () => Preview = await preview());
    }

    public async Task<ChangeSaved?> SaveAsync(Func<Task<ChangeSaved>> save)
    {
        ArgumentNullException.ThrowIfNull(save);
        ChangeSaved? saved = null;
        await RunAsync(async () => saved = await save());
        return saved;
    }

    public void Reset()
    {
        Preview = null;
        Error = null;
    }

    private async Task RunAsync(Func<Task> step)
    {
        Error = null;
        Busy = true;
        try
        {
            await step();
        }
        catch (CalendarChangeException refusal)
        {
            Error = BilingualMessage.Of(refusal);
            Preview = null;
        }
        finally
        {
            Busy = false;
        }
    }
}
