package dudao.fieldwork;

/** What a group counts each day (调阅文件资料, 走访群众, 发放调查问卷, 走访单位, 个别谈话, 走访乡镇街道, 明察暗访挂牌重点整治地区). */
public enum FieldworkKind {
    DOCUMENTS,
    RESIDENTS,
    QUESTIONNAIRES,
    UNITS,
    TALKS,
    TOWNSHIPS,
    KEY_AREAS
}
