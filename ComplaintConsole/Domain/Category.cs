namespace ComplaintConsole.Domain;

/// <summary>What the complaint is about: delay, no response, misconduct, ...</summary>
public class Category
{
    public required string Code { get; set; }

    public required string NameFa { get; set; }

    public required string NameEn { get; set; }

    public int SortOrder { get; set; }
}
