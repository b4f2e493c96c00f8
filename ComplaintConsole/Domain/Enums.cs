namespace ComplaintConsole.Domain;

public enum Layer
{
    Provincial = 1,
    Regional = 2,
    National = 3,
}

public enum ComplaintKind
{
    /// <summary>شکایت: the citizen is personally affected.</summary>
    Complaint = 1,

    /// <summary>اعلام: corruption, waste; may be anonymous.</summary>
    Report = 2,
}

public enum Channel
{
    Web = 1,
    Phone = 2,
    Api = 3,
}

public enum ComplaintStatus
{
    /// <summary>In the desk's queue, nobody has claimed it.</summary>
    New = 1,

    /// <summary>Claimed by an operator, no first response yet.</summary>
    Assigned = 2,

    /// <summary>First response recorded; still open.</summary>
    Responded = 3,

    /// <summary>Referred to the agency; still open.</summary>
    Referred = 4,

    Closed = 5,
}

public enum ComplaintEventKind
{
    Received = 1,
    Claimed = 2,
    Responded = 3,
    NoteAdded = 4,
    Referred = 5,
    Closed = 6,
    Reassigned = 7,
    DeadlineChanged = 8,
    FlaggedOverdue = 9,
    Escalated = 10,
    PersonalDataViewed = 11,
}
