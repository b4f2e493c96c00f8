namespace ComplaintConsole.Identity;

/// <summary>Marker for IdentityText.resx (Persian) and IdentityText.en.resx (English); also the DataAnnotations resource type.</summary>
public sealed class IdentityText
{
    private static readonly System.Resources.ResourceManager Resources = new(typeof(IdentityText).FullName!, typeof(IdentityText).Assembly);

    public static string UserNameRequired => Resources.GetString(nameof(UserNameRequired), System.Globalization.CultureInfo.CurrentUICulture)!;

    public static string PasswordRequired => Resources.GetString(nameof(PasswordRequired), System.Globalization.CultureInfo.CurrentUICulture)!;
}
