/**
 * The MyBatis Migrations engine: {@code org.mybatis:mybatis-migrations} driven through its operations API
 * ({@code UpOperation}, {@code DownOperation}, {@code StatusOperation}), with the scripts in
 * {@code db/mybatis/scripts} read from the class path, also from inside a packaged jar.
 *
 * <p>MyBatis id {@code N} is chatmigrate version {@code N}; id {@code 0} creates the changelog table
 * {@code mybatis_changelog} in the configured schema. Only {@link dev.chatmigrate.adapter.mybatis.MyBatisEngineProvider}
 * is public.
 */
package dev.chatmigrate.adapter.mybatis;
