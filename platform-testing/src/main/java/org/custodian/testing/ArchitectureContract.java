package org.custodian.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The house style, checked on a service's main code (docs/architecture.md): resources are HTTP only, services own the
 * transactions, rules are plain Java, entities never travel over the API, injection goes through constructors, and
 * concept packages do not depend on each other in circles. A service's {@code ArchitectureTest} extends this and names
 * its root package and its pure rule classes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ArchitectureContract {

    /** The service's root package, e.g. {@code org.custodian.consent}. */
    protected abstract String rootPackage();

    /**
     * Pure domain rule classes whose names do not end in {@code Rules} or {@code Resolver} (e.g. {@code Lifecycle},
     * {@code Deadlines}); they are held to the same rule.
     */
    protected List<String> otherRuleClasses() {
        return List.of();
    }

    /**
     * Further packages or fully-qualified classes a service's pure rules may read besides {@code java.*}, their own
     * package, the kernel's event records and calendar and {@code LegalTime}: e.g. a value-type package of the service
     * ({@code org.custodian.consent.purpose.model}) or a sibling rules package. Keep it to value types.
     */
    protected List<String> otherRuleDependencies() {
        return List.of();
    }

    private JavaClasses main;

    @BeforeAll
    void importMainCode() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage());
    }

    private static DescribedPredicate<JavaClass> resources() {
        return DescribedPredicate.describe("resources", c -> c.getSimpleName().endsWith("Resource"));
    }

    @Test
    void resourcesNeverTouchRepositoriesOrSql() {
        noClasses()
                .that(resources())
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "repositories, queries or SQL",
                        c -> c.getSimpleName().endsWith("Repository")
                                || c.getSimpleName().endsWith("Queries")
                                || c.getPackageName().startsWith("java.sql")
                                || c.getPackageName().startsWith("javax.sql")
                                || c.getPackageName().startsWith("jakarta.persistence")
                                || c.getPackageName().startsWith("io.quarkus.hibernate")
                                || c.getPackageName().startsWith("org.hibernate")
                                || c.getPackageName().startsWith("io.agroal")
                                || c.getPackageName().equals("org.custodian.platform.jdbc")))
                .because("a resource is HTTP only: it calls one service method and maps the answer")
                .check(main);
    }

    @Test
    void noTransactionOnAResource() {
        noClasses()
                .that(resources())
                .should()
                .beAnnotatedWith("jakarta.transaction.Transactional")
                .because("the service owns the transaction")
                .check(main);
        noMethods()
                .that()
                .areDeclaredInClassesThat(resources())
                .should()
                .beAnnotatedWith("jakarta.transaction.Transactional")
                .because("the service owns the transaction")
                .check(main);
    }

    @Test
    void rulesArePlainJava() {
        DescribedPredicate<JavaClass> rules = DescribedPredicate.describe(
                "rule classes",
                c -> !c.isNestedClass()
                        && (c.getSimpleName().endsWith("Rules")
                                || c.getSimpleName().endsWith("Resolver")
                                || otherRuleClasses().contains(c.getSimpleName())));
        classes()
                .that(rules)
                .should(dependOnlyOnJavaTheirPackageAndKernelValues(otherRuleDependencies()))
                .because("domain rules are plain Java with no framework types, unit-tested directly")
                .allowEmptyShould(true)
                .check(main);
    }

    private static ArchCondition<JavaClass> dependOnlyOnJavaTheirPackageAndKernelValues(List<String> others) {
        return new ArchCondition<>(
                "depend only on java.*, their own package, event records and the kernel's calendar") {
            @Override
            public void check(JavaClass rule, ConditionEvents events) {
                rule.getDirectDependenciesFromSelf().forEach(dependency -> {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    String pkg = target.getPackageName();
                    boolean allowed = target.isPrimitive()
                            || pkg.startsWith("java.")
                            || pkg.equals(rule.getPackageName())
                            || pkg.equals("org.custodian.platform.events")
                            || pkg.equals("org.custodian.platform.calendar")
                            || target.getName().equals("org.custodian.platform.time.LegalTime")
                            || others.contains(pkg)
                            || others.contains(target.getName());
                    if (!allowed) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }

    @Test
    void entitiesAreNeverApiModels() {
        methods()
                .that()
                .areDeclaredInClassesThat(resources())
                .should(notCarryEntities())
                .because("entities are persistence, never request or response bodies")
                .allowEmptyShould(true)
                .check(main);
    }

    private static ArchCondition<JavaMethod> notCarryEntities() {
        return new ArchCondition<>("neither take nor return a JPA entity") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                Stream.concat(Stream.of(method.getRawReturnType()), method.getRawParameterTypes().stream())
                        .filter(type -> type.isAnnotatedWith("jakarta.persistence.Entity"))
                        .forEach(type -> events.add(SimpleConditionEvent.violated(
                                method, method.getFullName() + " carries the entity " + type.getName())));
            }
        };
    }

    @Test
    void injectionGoesThroughConstructors() {
        fields().should()
                .notBeAnnotatedWith("jakarta.inject.Inject")
                .because("constructor injection makes every dependency visible and every class testable without CDI")
                .allowEmptyShould(true)
                .check(main);
    }

    @Test
    void conceptPackagesHaveNoCycles() {
        slices().matching(rootPackage() + ".(*)..").should().beFreeOfCycles().check(main);
    }
}
