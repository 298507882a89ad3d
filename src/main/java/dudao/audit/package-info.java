/**
 * The audit trail: every change, every sign-in and every read of confidential data, appended in order and chained
 * with HMAC-SM3 so that a changed or deleted entry is found by {@link dudao.audit.AuditTrail#verify()}. Other modules
 * record through {@link dudao.audit.AuditTrail}; only auditors and the city office read it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package dudao.audit;
