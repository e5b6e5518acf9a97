/** Tests of the auto-configuration in real Spring contexts on real PostgreSQL. */
package dev.chatmigrate.spring;
