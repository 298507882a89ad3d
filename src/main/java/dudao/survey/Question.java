package dudao.survey;

/**
 * A yes / no / unsure question of a campaign's questionnaire, in Chinese and, when the city office gave one, in
 * English.
 */
public record Question(long id, int position, String text, String textEn, Purpose purpose, boolean active) {

    /** The text in the reader's language: English where there is one, else the Chinese. */
    public String text(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && textEn != null ? textEn : text;
    }
}
