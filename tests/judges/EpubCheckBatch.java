import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import com.adobe.epubcheck.util.ReportingLevel;
import java.io.File;

/**
 * Runs EPUBCheck on every file named on the command line in one JVM, so a test suite pays the
 * JVM's start-up once, in its usage mode (the command line's -u): deprecated and discouraged
 * markup is reported too. Messages are printed as EPUBCheck's command line prints them; each
 * file ends with a line "== FILE: N fatals / N errors / N warnings / N usages".
 */
public class EpubCheckBatch {
    public static void main(String[] args) {
        for (String path : args) {
            DefaultReportImpl report = new DefaultReportImpl(path);
            report.setReportingLevel(ReportingLevel.Usage);
            new EpubCheck(new File(path), report).doValidate();
            System.err.flush();
            System.out.println("== " + path + ": " + report.getFatalErrorCount() + " fatals / "
                + report.getErrorCount() + " errors / " + report.getWarningCount() + " warnings / "
                + report.getUsageCount() + " usages");
        }
    }
}
