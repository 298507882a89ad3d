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

    @Test
    void writesModuleDiagramsIntoDocs() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
