package dudao.clues;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClueConfiguration {

    @Bean
    WorkingCalendar clueWorkingCalendar(ClueProperties properties) {
        return new HolidayCalendar(properties.holidays(), properties.workdays());
    }
}
