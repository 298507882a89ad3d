/**
 * The awareness survey (调查问卷): each campaign's questionnaire with configurable questions, answered online by the
 * public or entered from paper by the groups as tallies, and the rates leadership reads — awareness (知晓率), hotline
 * awareness and willingness to report — per district and round, as of any day.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Survey")
package dudao.survey;
