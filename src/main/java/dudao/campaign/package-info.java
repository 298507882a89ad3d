/**
 * Campaigns and their inspection rounds: what a campaign looks at (focus areas with checklist items, clue categories
 * with time limits, listed key places), the dated rounds with their phases, the numbered groups stationed in districts
 * with their leader, members and published contacts, and the checklist assessed per district, whose failed items are
 * findings that the rectification module turns into problems. Other modules see {@link dudao.campaign.Campaigns},
 * {@link dudao.campaign.Rounds}, {@link dudao.campaign.InspectionGroups}, {@link dudao.campaign.Checklists}, their
 * value types and the {@link dudao.campaign.ChecklistItemFailed} event.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaign")
package dudao.campaign;
