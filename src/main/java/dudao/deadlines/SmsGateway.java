package dudao.deadlines;

/**
 * Sends a short message to the people of a unit. Production plugs in the gateway of its telecom operator; the default
 * only logs, so nothing leaves the machine unless somebody configures it.
 */
public interface SmsGateway {

    void send(Long unitId, String text);
}
