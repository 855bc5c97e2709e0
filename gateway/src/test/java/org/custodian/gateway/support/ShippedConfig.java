package org.custodian.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The gateway's own application.properties, read as plain properties, to test the tables it ships with. */
public final class ShippedConfig {

    private static final Properties PROPERTIES = load();

    private ShippedConfig() {}

    /** The coarse role rules: pattern -> roles. */
    public static Map<String, List<String>> access() {
        Map<String, List<String>> rules = new TreeMap<>();
        String prefix = "custodian.gateway.access.\"";
        PROPERTIES.stringPropertyNames().stream()
                .filter(name -> name.startsWith(prefix))
                .forEach(name -> rules.put(
                        name.substring(prefix.length(), name.length() - 1),
                        Arrays.stream(PROPERTIES.getProperty(name).split(","))
                                .map(String::trim)
                                .toList()));
        return rules;
    }

    /** Each upstream's resources. */
    public static Map<String, List<String>> resources() {
        Map<String, List<String>> resources = new TreeMap<>();
        PROPERTIES.stringPropertyNames().stream()
                .filter(name -> name.matches("custodian\\.gateway\\.upstreams\\.[a-z]+\\.resources"))
                .forEach(name -> resources.put(
                        name.split("\\.")[3],
                        List.of(PROPERTIES.getProperty(name).split(","))));
        return resources;
    }

    /** Each upstream's public resources. */
    public static Map<String, List<String>> publicResources() {
        Map<String, List<String>> resources = new TreeMap<>();
        PROPERTIES.stringPropertyNames().stream()
                .filter(name -> name.matches("custodian\\.gateway\\.public\\.[a-z]+\\.resources"))
                .forEach(name -> resources.put(
                        name.split("\\.")[3],
                        List.of(PROPERTIES.getProperty(name).split(","))));
        return resources;
    }

    /** Each upstream's audit log name. */
    public static Map<String, String> auditLogs() {
        Map<String, String> logs = new TreeMap<>();
        PROPERTIES.stringPropertyNames().stream()
                .filter(name -> name.matches("custodian\\.gateway\\.upstreams\\.[a-z]+\\.audit-log"))
                .forEach(name -> logs.put(name.split("\\.")[3], PROPERTIES.getProperty(name)));
        return logs;
    }

    private static Properties load() {
        try (InputStream in = ShippedConfig.class.getClassLoader().getResourceAsStream("application.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
