package dev.minisim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC "Other JSAPIs": {@code wx.cloud (init, callFunction, database() ...: from mocks, else failing
 * clearly, never undefined)} — the database answers with the query and update operators of the
 * WeChat cloud SDK's {@code db.command} over the collections the scenario seeds.
 */
class CloudDatabaseTest {

    @TempDir
    Path dir;

    private static final String SEED = "\"requests\": [{\"collection\": \"books\", \"data\": ["
            + "{\"_id\": \"b1\", \"title\": \"Java 并发\", \"price\": 30, \"tags\": [\"java\", \"cs\"], \"shop\": {\"city\": \"上海\"}},"
            + "{\"_id\": \"b2\", \"title\": \"JavaScript\", \"price\": 55, \"tags\": [\"js\"], \"shop\": {\"city\": \"北京\"}},"
            + "{\"_id\": \"b3\", \"title\": \"Go\", \"price\": 80, \"tags\": [\"go\", \"cs\"]}]}]";

    private TestApp.Run run(String body) {
        return TestApp.withPages(dir, "pages/a/a")
                .file("pages/a/a.js", "Page({ async go() {\nwx.cloud.init();\nconst db = wx.cloud.database(); const _ = db.command;\n"
                        + "const ids = (r) => r.data.map((d) => d._id).join();\n"
                        + "try {\n" + body + "\n} catch (e) { console.log('error', e.errMsg || e.message); }\n} });")
                .run("{" + SEED + ", \"steps\": [{\"call\": \"go\"}]}");
    }

    @Test
    void queryOperatorsFilterAsTheCloudSdkDocumentsThem() {
        TestApp.Run run = run("const books = db.collection('books');\n"
                + "console.log('gt', ids(await books.where({ price: _.gt(30) }).get()));\n"
                + "console.log('range', ids(await books.where({ price: _.gte(30).and(_.lt(80)) }).get()));\n"
                + "console.log('in', ids(await books.where({ price: _.in([30, 80]) }).get()));\n"
                + "console.log('nin', ids(await books.where({ price: _.nin([30, 80]) }).get()));\n"
                + "console.log('neq', ids(await books.where({ title: _.neq('Go') }).get()));\n"
                + "console.log('array', ids(await books.where({ tags: 'cs' }).get()));\n"
                + "console.log('dotted', ids(await books.where({ 'shop.city': '北京' }).get()));\n"
                + "console.log('nested', ids(await books.where({ shop: { city: '上海' } }).get()));\n"
                + "console.log('exists', ids(await books.where({ shop: _.exists(false) }).get()));\n"
                + "console.log('or', ids(await books.where(_.or([{ price: _.lt(40) }, { tags: 'go' }])).get()));\n"
                + "console.log('regexp', ids(await books.where({ title: /^java/i }).get()));\n"
                + "console.log('RegExp', ids(await books.where({ title: db.RegExp({ regexp: 'script$', options: 'i' }) }).get()));\n"
                + "console.log('count', (await books.where({ tags: _.all(['cs', 'go']) }).count()).total);\n"
                + "console.log('field', JSON.stringify((await books.doc('b2').field({ title: true }).get()).data));");
        assertThat(run.logs()).as("%s", run).containsExactly("gt b2,b3", "range b1,b2", "in b1,b3", "nin b2",
                "neq b1,b2", "array b1,b3", "dotted b2", "nested b1", "exists b3", "or b1,b3", "regexp b1,b2",
                "RegExp b2", "count 1", "field {\"_id\":\"b2\",\"title\":\"JavaScript\"}");
    }

    @Test
    void updateOperatorsChangeOnlyWhatTheyName() {
        TestApp.Run run = run("const books = db.collection('books');\n"
                + "await books.doc('b1').update({ data: { price: _.inc(5), tags: _.push(['new']), shop: { open: true }, sold: _.inc(1) } });\n"
                + "console.log(JSON.stringify((await books.doc('b1').get()).data));\n"
                + "await books.doc('b1').update({ data: { shop: _.set({ city: '杭州' }), tags: _.pull('cs'), sold: _.remove() } });\n"
                + "console.log(JSON.stringify((await books.doc('b1').get()).data));\n"
                + "const r = await books.where({ price: _.gt(50) }).update({ data: { price: _.mul(2) } });\n"
                + "console.log('updated', r.stats.updated, ids(await books.where({ price: _.gt(100) }).get()));\n"
                + "await books.doc('b3').update({ data: { 'shop.city': '深圳', tags: _.addToSet('go') } });\n"
                + "console.log(JSON.stringify((await books.doc('b3').get()).data));");
        assertThat(run.logs()).as("%s", run).containsExactly(
                "{\"_id\":\"b1\",\"title\":\"Java 并发\",\"price\":35,\"tags\":[\"java\",\"cs\",\"new\"],\"shop\":{\"city\":\"上海\",\"open\":true},\"sold\":1}",
                "{\"_id\":\"b1\",\"title\":\"Java 并发\",\"price\":35,\"tags\":[\"java\",\"new\"],\"shop\":{\"city\":\"杭州\"}}",
                "updated 2 b2,b3",
                "{\"_id\":\"b3\",\"title\":\"Go\",\"price\":160,\"tags\":[\"go\",\"cs\"],\"shop\":{\"city\":\"深圳\"}}");
    }

    @Test
    void aBadQueryOrAnUnknownCommandFailsClearly() {
        TestApp.Run run = run("const books = db.collection('books');\n"
                + "await books.where({ title: db.RegExp({ regexp: '(' }) }).get().catch((e) => console.log(e.errMsg));\n"
                + "await books.doc('b2').update({ data: { title: _.inc(1) } }).catch((e) => console.log(e.errMsg));\n"
                + "try { _.geoNear({}); } catch (e) { console.log(e.message); }\n"
                + "try { books.aggregate(); } catch (e) { console.log(e.message); }");
        assertThat(run.logs()).as("%s", run).hasSize(4);
        assertThat(run.logs().get(0)).isEqualTo("cloud.database:fail invalid regexp (: Unclosed group");
        assertThat(run.logs().get(1)).isEqualTo("cloud.database:fail command.inc on field title, which is not a number");
        assertThat(run.logs().subList(2, 4)).containsExactly(
                "wx.cloud database command.geoNear is not supported in the simulator",
                "wx.cloud database aggregate() is not supported in the simulator");
    }
}
