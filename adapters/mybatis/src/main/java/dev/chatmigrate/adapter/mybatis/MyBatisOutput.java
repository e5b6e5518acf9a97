package dev.chatmigrate.adapter.mybatis;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PrintStream} MyBatis writes its console output to (banners, each script it runs, status
 * tables), sent line by line to slf4j at DEBUG under this class's logger instead of standard output.
 * What matters to a user is in chatmigrate's reports and exceptions.
 */
final class MyBatisOutput extends OutputStream {

    private static final Logger LOG = LoggerFactory.getLogger(MyBatisOutput.class);

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private MyBatisOutput() {
    }

    /** A new stream to hand to a MyBatis operation. */
    static PrintStream stream() {
        return new PrintStream(new MyBatisOutput(), true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) {
        if (b == '\n') {
            flushLine();
        } else if (b != '\r') {
            line.write(b);
        }
    }

    @Override
    public void close() {
        flushLine();
    }

    private void flushLine() {
        if (line.size() > 0) {
            LOG.debug("{}", line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
    }
}
