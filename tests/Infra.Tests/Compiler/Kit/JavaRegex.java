import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches regexes with java.util.regex, the engine behind Spark's RLIKE and regexp_extract_all, for the tests that
 * compare it with DuckDB's RE2. Reads one request per line, "find|all TAB base64(pattern) TAB base64(text)", and
 * answers one line each: for find "true" or "false"; for all the base64 of every match, comma-separated, after "=";
 * "overflow" when the match overflowed the stack (as a Spark task would). Matches run on a thread with the JVM's
 * default 1 MB stack, as Spark's task threads do.
 */
public final class JavaRegex {
    public static void main(String[] args) throws Exception {
        var task = new Thread(null, JavaRegex::answer, "task", 1 << 20);
        task.start();
        task.join();
    }

    private static void answer() {
        try {
            answerAll();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void answerAll() throws java.io.IOException {
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        var out = new StringBuilder();
        for (String line; (line = in.readLine()) != null; ) {
            var parts = line.split("\t", -1);
            var matcher = Pattern.compile(decode(parts[1])).matcher(decode(parts[2]));
            try {
                out.append(parts[0].equals("find") ? Boolean.toString(matcher.find()) : "=" + all(matcher)).append('\n');
            } catch (StackOverflowError e) {
                out.append("overflow\n");
            }
        }
        System.out.print(out);
    }

    private static String all(Matcher matcher) {
        List<String> matches = new ArrayList<>();
        while (matcher.find()) {
            matches.add(Base64.getEncoder().encodeToString(matcher.group().getBytes(StandardCharsets.UTF_8)));
        }
        return String.join(",", matches);
    }

    private static String decode(String text) {
        return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }
}
