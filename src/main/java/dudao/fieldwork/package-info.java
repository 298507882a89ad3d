/**
 * What the groups do each day of their posting: counts by kind and phase (documents reviewed, residents visited,
 * questionnaires, units visited, talks, townships visited, listed key areas inspected), visits to places (open or
 * covert), the coverage of a district that follows from the visits, who has not reported a day, corrections with
 * their reasons, and the fieldwork part of the daily bulletin (page, JSON, Excel).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Fieldwork")
package dudao.fieldwork;
