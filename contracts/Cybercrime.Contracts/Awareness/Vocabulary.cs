namespace Cybercrime.Contracts.Awareness;

/// <summary>Who a campaign speaks to.</summary>
public enum CampaignAudience
{
    Children,
    Students,
    Parents,
    Teachers,
    GeneralPublic,
    Practitioners,
}

/// <summary>Where a campaign is seen or heard, and where its reach is measured.</summary>
public enum Channel
{
    Tv,
    Radio,
    Podcast,
    Twitter,
    Linkedin,
    Facebook,
    Instagram,
    Youtube,
    Tiktok,
    Whatsapp,
    Website,
    Press,
}

/// <summary>What a reach figure counts, as the channel's own statistics name it.</summary>
public enum ReachMetric
{
    Views,
    Impressions,
    Reach,
    Engagements,
    Listeners,
    Downloads,
}

/// <summary>How long the period of an observation is: a day, a month, a quarter or a year.</summary>
public enum Granularity
{
    Day,
    Month,
    Quarter,
    Year,
}

public enum CampaignStatus
{
    Running,
    Closed,
}

/// <summary>What kind of awareness activity people took part in.</summary>
public enum ActivityKind
{
    Webinar,
    Conference,
    Workshop,
    OnlineCourse,
    SchoolSession,
}
