package dudao.survey;

import java.time.LocalDate;
import java.util.List;

/**
 * The survey of a round as of a day: that day's answers and everything up to it, in all and per district.
 */
public record SurveyRates(LocalDate asOf, SurveyFigures today, SurveyFigures cumulative, List<District> districts) {

    public record District(String region, String name, SurveyFigures today, SurveyFigures cumulative) {}
}
