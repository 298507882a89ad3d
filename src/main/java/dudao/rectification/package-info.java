/**
 * The problem list (问题清单) and its rectification: a problem found by a group is recorded, assigned (交办) to a lead
 * unit and any assisting units with a deadline, acknowledged, rectified with feedback and evidence, verified by someone
 * other than the person who reported back, and closed (销号) — or rejected and sent back. A look-back (回头看) can
 * reopen a closed problem as a new cycle of the same record. The {@link dudao.rectification.Problem} aggregate owns
 * those rules; {@link dudao.rectification.ProblemList} is the module's API and
 * {@link dudao.rectification.RectificationStatistics} feeds the bulletins.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rectification")
package dudao.rectification;
