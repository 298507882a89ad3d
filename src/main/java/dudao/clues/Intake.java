package dudao.clues;

/** What intake answers: the clue, its serial number, and the receipt code to hand to the reporter once. */
public record Intake(ClueId id, String serial, ReceiptCode receiptCode) {}
