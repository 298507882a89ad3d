package dudao;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules depend on each other only through their public APIs, without cycles; the diagrams stay current. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(DudaoApplication.class);

    @Test
    void modulesDependOnlyOnEachOthersPublicApiWithoutCycles() {
        MODULES.verify();
    }

    /**
     * The component diagrams only: the module canvases read the Javadoc that Modulith's annotation processor
     * collects, and its JSON parser fails on Javadoc quoting the article (“…，…”) with ASCII quotes.
     */
    @Test
    void writesModuleDiagramsIntoDocs() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
