using Cybercrime.Contracts;
using Cybercrime.Contracts.Training;
using Cybercrime.Reporting.Training;

namespace Cybercrime.Reporting.Annual;

/// <summary>Training and capacity building: the training summary, whole and by the topics and format the report names.</summary>
internal static class TrainingSection
{
    public static async Task<ReportSection> ComputeAsync(AnnualInputs inputs, ReportFilter filter, CancellationToken cancellationToken)
    {
        var figures = new TrainingFigures(inputs.Sessions, inputs.Participations);
        async Task<SummaryAnswer> Summary(TrainingTopic? topic = null, TrainingFormat? format = null) => new(
            await figures.ComputeAsync(filter.Year, filter.Office, filter.Region, topic, format, cancellationToken),
            filter.Href("training", ("topic", Name(topic)), ("format", Name(format))));

        var all = await Summary();
        var cryptocurrency = await Summary(TrainingTopic.Cryptocurrency);
        var courses = await Summary(format: TrainingFormat.MultiWeekCourse);
        var prevention = await Summary(TrainingTopic.Prevention);
        var evidence = await Summary(TrainingTopic.DigitalEvidence);
        var incidents = await Summary(TrainingTopic.IncidentResponse);

        var practitioners = all.Figure("practitioners", "criminalJusticePractitioners");
        var countries = all.Figure("countries", "criminalJusticeCountries");
        var officers = cryptocurrency.Figure("officers", "practitionersTrained");
        var participants = courses.Figure("participants", "practitionersTrained");
        var courseCountries = courses.Figure("countries", "countries");
        var teachers = prevention.Figure("teachers", "byAgencyType.education");
        var officials = evidence.Figure("officials", "criminalJusticePractitioners");
        var officialCountries = evidence.Figure("countries", "criminalJusticeCountries");
        var trained = incidents.Figure("trained", "practitionersTrained");
        return new ReportSection("training", "Training and capacity building", null, Statement.Kept(
            Statement.Of("criminal-justice-practitioners",
                $"In {filter.Year}, {practitioners} criminal-justice {practitioners.Noun("practitioner", "practitioners")} from {countries} {countries.Noun("country", "countries")} {practitioners.Noun("was", "were")} trained: law-enforcement officers, prosecutors and judges."),
            Statement.Of("cryptocurrency-darknet", $"Training on cryptocurrency and darknet investigations reached {officers} {officers.Noun("officer", "officers")}."),
            Statement.Of("multi-week-courses",
                $"Multi-week courses were completed by {participants} {participants.Noun("participant", "participants")} from {courseCountries} {courseCountries.Noun("country", "countries")}."),
            Statement.Of("teachers", $"Training in prevention reached {teachers} {teachers.Noun("teacher", "teachers")}."),
            Statement.Of("digital-evidence",
                $"Training on digital evidence was given to {officials} justice {officials.Noun("official", "officials")} from {officialCountries} {officialCountries.Noun("country", "countries")}."),
            Statement.Of("incident-response", $"Training in incident response reached {trained} {trained.Noun("person", "people")}.")));
    }

    private static string? Name<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? ContractJson.Name(v) : null;
}
