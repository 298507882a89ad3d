package dudao.survey;

/** A yes / no / unsure question of a campaign's questionnaire. */
public record Question(long id, int position, String text, Purpose purpose, boolean active) {}
