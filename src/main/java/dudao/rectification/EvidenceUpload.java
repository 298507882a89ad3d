package dudao.rectification;

/** An evidence file as it was uploaded: the name the sender gave it and its content (its type is read from that). */
public record EvidenceUpload(String fileName, byte[] content) {}
