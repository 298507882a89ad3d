/**
 * What the public sees, without signing in: each group's published hotline, mailbox and office while it is posted
 * (with a printable poster, a QR code and a caption for screens), the tip form and the follow-up with a receipt code,
 * and the awareness survey. It uses the campaign, clues and survey modules' APIs and keeps nothing that identifies a
 * visitor.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package dudao.portal;
