/**
 * A sample CRM on Spring Boot whose lead screens run on the lead manager through leadmanager-spring-boot-starter:
 * controllers that turn form posts into the library's calls for the signed-in user's {@code Actor}, Thymeleaf
 * templates that show what the calls return, and the CRM's own contacts and users in memory.
 */
package org.leadmanager.examples.crm;
