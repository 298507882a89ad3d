/**
 * Bulletins and dashboards: the figures of a round for a day (fieldwork, problems and their rectification, the clue
 * funnel, the awareness survey), today and cumulated, per district and per group, each with its definition (数据口径)
 * and a link to the records behind it; the daily bulletin (每日通报) the city office publishes as a stored snapshot with
 * its text drafted from the figures; its Word and Excel exports. It reads the other modules only through their public
 * statistics services.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bulletins")
package dudao.bulletins;
