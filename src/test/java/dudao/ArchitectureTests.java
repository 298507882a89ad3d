package dudao;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** What Modulith's verify() cannot check: the habits STYLE.md asks for. */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dudao");

    @Test
    void noFieldInjection() {
        fields().should().notBeAnnotatedWith(Autowired.class).check(CLASSES);
    }

    @Test
    void controllersArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .should()
                .notBePublic()
                .check(CLASSES);
    }

    @Test
    void noUtilityClassesByName() {
        noClasses().should().haveSimpleNameEndingWith("Util").check(CLASSES);
        noClasses().should().haveSimpleNameEndingWith("Utils").check(CLASSES);
    }

    @Test
    void noServiceInterfacesWithImplSuffix() {
        noClasses().should().haveSimpleNameEndingWith("Impl").check(CLASSES);
    }
}
