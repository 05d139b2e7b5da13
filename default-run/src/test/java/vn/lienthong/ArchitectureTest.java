package vn.lienthong;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import vn.lienthong.simulator.SimulatorFaults;

/**
 * How the house is built, over every production class of both modules (the gateway's and the simulators'): the
 * gateway never depends on a simulator (they are left out of the production jar), and the top-level packages
 * ({@code vn.lienthong.*}, one per capability) never depend on each other in a circle.
 */
@AnalyzeClasses(packages = "vn.lienthong", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String SIMULATORS = "vn.lienthong.simulator..";
    private static final String INGRESS = "vn.lienthong.ingress..";
    private static final String CLIENT = "vn.lienthong.client..";

    @ArchTest
    static final ArchRule gatewayDependsOnNoSimulator = noClasses().that().resideOutsideOfPackage(SIMULATORS)
            .should().dependOnClassesThat().resideInAPackage(SIMULATORS)
            .because("the simulators are not in the production jar (gateway/), only in the default run (default-run/)");

    /**
     * Without cycles, except for the arrows that run back up the house today (issue 13), each named by the class it
     * starts from: remove a line when its arrow is gone. Any other arrow closing a circle fails the build.
     */
    @ArchTest
    static final ArchRule packagesDependOnEachOtherWithoutCycles = slices().matching("vn.lienthong.(*)..")
            .should().beFreeOfCycles()
            // the audit API asks the API's front door who is calling, and refuses through it
            .ignoreDependency(type("audit.AuditApi"), resideInAnyPackage(INGRESS, CLIENT));

    /** A class of vn.lienthong (and its nested classes), by its name below vn.lienthong. */
    private static DescribedPredicate<JavaClass> type(String name) {
        return JavaClass.Predicates.belongTo(HasName.Predicates.name("vn.lienthong." + name));
    }

    /** The gateway module (what the production jar is built from) holds no simulator; the default run nothing else. */
    @ArchTest
    static void eachModuleHoldsItsOwnClasses(JavaClasses all) {
        JavaClasses gateway = classesBeside(LienthongApplication.class);
        JavaClasses defaultRun = classesBeside(SimulatorFaults.class);

        assertThat(gateway).extracting(JavaClass::getName).contains(LienthongApplication.class.getName());
        noClasses().should().resideInAPackage(SIMULATORS).check(gateway);
        assertThat(defaultRun).extracting(JavaClass::getName).contains(SimulatorFaults.class.getName());
        classes().should().resideInAPackage(SIMULATORS).check(defaultRun);
    }

    /** The classes of the jar or folder a class was loaded from. */
    private static JavaClasses classesBeside(Class<?> type) {
        return new ClassFileImporter()
                .importLocations(Set.of(Location.of(type.getProtectionDomain().getCodeSource().getLocation())));
    }
}
