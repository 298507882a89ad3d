package dudao.platform;

import java.util.List;

/**
 * What a module shows a person on their home page: the things that need them (reminders, notices, work to do). A
 * module registers a bean; the home page lists every section that has something for the reader.
 */
public interface HomeSection {

    /** The message key of the section's heading. */
    String titleKey();

    /** The items for this reader, newest or most urgent first; empty hides the section. */
    List<Item> itemsFor(Actor reader);

    /** One line: a message key with arguments, and where it leads. */
    record Item(String messageKey, List<Object> arguments, String href) {}
}
