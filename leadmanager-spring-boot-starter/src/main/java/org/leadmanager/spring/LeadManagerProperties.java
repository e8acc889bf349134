package org.leadmanager.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code leadmanager.*} settings of the auto-configured lead manager. Every setting has a default; a host that
 * sets none gets a lead manager on its {@code EntityManagerFactory}, with Spring application events published by
 * the event relay and (given a {@code ReminderNotifier} or {@code EscalationNotifier} bean) the reminder or the
 * escalation dispatcher running.
 */
@ConfigurationProperties("leadmanager")
public class LeadManagerProperties {
    /** Whether to auto-configure the lead manager at all. */
    private boolean enabled = true;
    /** How many contacts bulk calls handle per unit of work (1 to 10000). */
    private int bulkChunkSize = 1000;
    private final Jpa jpa = new Jpa();
    private final Events events = new Events();
    private final Reminders reminders = new Reminders();
    private final Escalations escalations = new Escalations();
    private final Schema schema = new Schema();
    private final Observations observations = new Observations();

    /** @return whether the lead manager is auto-configured */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether the lead manager is auto-configured */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return contacts per unit of work of the bulk calls */
    public int getBulkChunkSize() {
        return bulkChunkSize;
    }

    /** @param bulkChunkSize contacts per unit of work of the bulk calls, 1 to 10000 */
    public void setBulkChunkSize(int bulkChunkSize) {
        this.bulkChunkSize = bulkChunkSize;
    }

    /** @return the JPA store's settings */
    public Jpa getJpa() {
        return jpa;
    }

    /** @return where events go and the event relay's settings */
    public Events getEvents() {
        return events;
    }

    /** @return the reminder dispatcher's settings */
    public Reminders getReminders() {
        return reminders;
    }

    /** @return the escalation dispatcher's settings */
    public Escalations getEscalations() {
        return escalations;
    }

    /** @return the schema set-up's settings */
    public Schema getSchema() {
        return schema;
    }

    /** @return the Micrometer observations' settings */
    public Observations getObservations() {
        return observations;
    }

    /** The JPA store on the host's {@code EntityManagerFactory}. */
    public static class Jpa {
        /** Rows per JDBC batch on the store's bulk paths (1 to 10000). */
        private int batchSize = 500;

        /** @return rows per JDBC batch */
        public int getBatchSize() {
            return batchSize;
        }

        /** @param batchSize rows per JDBC batch, 1 to 10000 */
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }
    }

    /** The library's events: where they go, and the relay that publishes them from the store. */
    public static class Events {
        /**
         * Whether to publish every committed event as a Spring application event (an {@code EventEnvelope}) when the
         * host defines no {@code EventPublisher} bean. When off and the host defines none, no events are recorded.
         */
        private boolean applicationEvents = true;
        /** Events set aside (waiting for the host) from which on the events health indicator reports DOWN. */
        private int healthSetAsideThreshold = 1;
        private final Relay relay = new Relay();

        /** @return whether events become Spring application events */
        public boolean isApplicationEvents() {
            return applicationEvents;
        }

        /** @param applicationEvents whether events become Spring application events */
        public void setApplicationEvents(boolean applicationEvents) {
            this.applicationEvents = applicationEvents;
        }

        /** @return events set aside from which on the health is DOWN */
        public int getHealthSetAsideThreshold() {
            return healthSetAsideThreshold;
        }

        /** @param healthSetAsideThreshold events set aside from which on the health is DOWN, at least 1 */
        public void setHealthSetAsideThreshold(int healthSetAsideThreshold) {
            this.healthSetAsideThreshold = healthSetAsideThreshold;
        }

        /** @return the event relay's settings */
        public Relay getRelay() {
            return relay;
        }
    }

    /** The event relay that publishes committed events from the store's registry. */
    public static class Relay {
        /** Whether to run the relay: every poll interval, and at once after each commit that recorded events. */
        private boolean enabled = true;
        /** Names this relay in claims; unique per node. Default: "node-" and 8 random characters. */
        private String nodeId;
        /** Pause between two relay rounds (at least 10 ms). */
        private Duration pollInterval = Duration.ofSeconds(1);
        /** Events claimed per round trip (1 to 1000). */
        private int batchSize = 100;
        /** How long a claim is held; longer than publishing a whole batch takes. */
        private Duration lease = Duration.ofMinutes(2);
        /** Publish attempts before an event is set aside (1 to 100). */
        private int maxAttempts = 10;
        /** Pause after the first failed attempt, doubled for each further one, capped at one hour. */
        private Duration backoff = Duration.ofSeconds(10);
        /** How long published events are kept in the store; zero: they are deleted when published. */
        private Duration retention = Duration.ZERO;

        /** @return whether the relay runs */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the relay runs */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return this relay's name in claims, or null for a random one */
        public String getNodeId() {
            return nodeId;
        }

        /** @param nodeId this relay's name in claims, 1 to 200 characters; null for a random one */
        public void setNodeId(String nodeId) {
            this.nodeId = nodeId;
        }

        /** @return the pause between two relay rounds */
        public Duration getPollInterval() {
            return pollInterval;
        }

        /** @param pollInterval the pause between two relay rounds, at least 10 ms */
        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        /** @return events claimed per round trip */
        public int getBatchSize() {
            return batchSize;
        }

        /** @param batchSize events claimed per round trip, 1 to 1000 */
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        /** @return how long a claim is held */
        public Duration getLease() {
            return lease;
        }

        /** @param lease how long a claim is held */
        public void setLease(Duration lease) {
            this.lease = lease;
        }

        /** @return publish attempts before an event is set aside */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /** @param maxAttempts publish attempts before an event is set aside, 1 to 100 */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /** @return the pause after the first failed attempt */
        public Duration getBackoff() {
            return backoff;
        }

        /** @param backoff the pause after the first failed attempt */
        public void setBackoff(Duration backoff) {
            this.backoff = backoff;
        }

        /** @return how long published events are kept */
        public Duration getRetention() {
            return retention;
        }

        /** @param retention how long published events are kept; zero: not at all */
        public void setRetention(Duration retention) {
            this.retention = retention;
        }
    }

    /** What the dispatchers that call a host notifier (reminders, escalations) are set with. */
    public abstract static class Dispatching {
        /** Whether to run the dispatcher. */
        private boolean enabled = true;
        /** Names this node in claims; unique per node. Default: "node-" and 8 random characters. */
        private String nodeId;
        /** Follow-ups or breaches claimed per round trip (1 to 1000). */
        private int batchSize = 20;
        /** How long a claim is held; longer than notifying a whole batch takes. */
        private Duration lease = Duration.ofMinutes(2);
        /** Dispatching threads (1 to 64). */
        private int threads = 1;
        /** Notifier attempts before a reminder or escalation is marked failed (1 to 100). */
        private int maxAttempts = 5;
        /** Pause after the first failed attempt, doubled for each further one, capped at one hour. */
        private Duration backoff = Duration.ofSeconds(30);
        /** Notifier failures in a row after which the health indicator reports DOWN. */
        private int healthFailureThreshold = 5;

        /** @return whether the dispatcher runs */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the dispatcher runs */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return this node's name in claims, or null for a random one */
        public String getNodeId() {
            return nodeId;
        }

        /** @param nodeId this node's name in claims, 1 to 200 characters; null for a random one */
        public void setNodeId(String nodeId) {
            this.nodeId = nodeId;
        }

        /** @return the pause between two dispatch rounds */
        public abstract Duration getPollInterval();

        /** @return follow-ups or breaches claimed per round trip */
        public int getBatchSize() {
            return batchSize;
        }

        /** @param batchSize follow-ups or breaches claimed per round trip */
        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        /** @return how long a claim is held */
        public Duration getLease() {
            return lease;
        }

        /** @param lease how long a claim is held */
        public void setLease(Duration lease) {
            this.lease = lease;
        }

        /** @return dispatching threads */
        public int getThreads() {
            return threads;
        }

        /** @param threads dispatching threads */
        public void setThreads(int threads) {
            this.threads = threads;
        }

        /** @return notifier attempts before a reminder or escalation is marked failed */
        public int getMaxAttempts() {
            return maxAttempts;
        }

        /** @param maxAttempts notifier attempts before a reminder or escalation is marked failed */
        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /** @return the pause after the first failed attempt */
        public Duration getBackoff() {
            return backoff;
        }

        /** @param backoff the pause after the first failed attempt */
        public void setBackoff(Duration backoff) {
            this.backoff = backoff;
        }

        /** @return notifier failures in a row that make the health indicator report DOWN */
        public int getHealthFailureThreshold() {
            return healthFailureThreshold;
        }

        /** @param healthFailureThreshold notifier failures in a row that make the health DOWN, at least 1 */
        public void setHealthFailureThreshold(int healthFailureThreshold) {
            this.healthFailureThreshold = healthFailureThreshold;
        }
    }


    /** The reminder dispatcher, run when the host defines a {@code ReminderNotifier} bean. */
    public static class Reminders extends Dispatching {
        /** Pause between two dispatch rounds (at least 10 ms). */
        private Duration pollInterval = Duration.ofSeconds(5);

        @Override
        public Duration getPollInterval() {
            return pollInterval;
        }

        /** @param pollInterval the pause between two dispatch rounds, at least 10 ms */
        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }
    }

    /**
     * The escalation dispatcher of breached first-response deadlines, run when the host defines an
     * {@code EscalationNotifier} bean.
     */
    public static class Escalations extends Dispatching {
        /** Pause between two dispatch rounds (at least 10 ms). */
        private Duration pollInterval = Duration.ofSeconds(30);

        @Override
        public Duration getPollInterval() {
            return pollInterval;
        }

        /** @param pollInterval the pause between two dispatch rounds, at least 10 ms */
        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }
    }

    /** Creating the library's tables. */
    public static class Schema {
        private final Flyway flyway = new Flyway();

        /** @return the Flyway set-up */
        public Flyway getFlyway() {
            return flyway;
        }
    }

    /** The library's tables created by Flyway (needs flyway-core), in a history of their own. */
    public static class Flyway {
        /** Whether to migrate the library's tables at start (when flyway-core is on the class path). */
        private boolean enabled = true;
        /** The library's own Flyway history table, apart from the host's. */
        private String table = "lm_flyway_history";
        /**
         * Where the scripts are. Default: the library's scripts for the database behind the DataSource,
         * classpath:db/leadmanager/{h2,postgresql,mariadb}.
         */
        private List<String> locations = new ArrayList<>();

        /** @return whether the library's tables are migrated at start */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the library's tables are migrated at start */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the library's Flyway history table */
        public String getTable() {
            return table;
        }

        /** @param table the library's Flyway history table */
        public void setTable(String table) {
            this.table = table;
        }

        /** @return the script locations; empty for the library's scripts of the detected database */
        public List<String> getLocations() {
            return locations;
        }

        /** @param locations the script locations; empty for the library's scripts of the detected database */
        public void setLocations(List<String> locations) {
            this.locations = locations;
        }
    }

    /** Micrometer observations of API calls. */
    public static class Observations {
        /** Whether every API call is observed (as "leadmanager.call") when an ObservationRegistry bean exists. */
        private boolean enabled = true;

        /** @return whether API calls are observed */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether API calls are observed */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
