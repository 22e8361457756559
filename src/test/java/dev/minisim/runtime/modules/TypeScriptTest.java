package dev.minisim.runtime.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minisim.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC "Pages on screen": "TypeScript: WeChat's useCompilerPlugins: ["typescript"] (and .ts pages
 * and modules in Alipay apps) compile before they run, with errors reported at the .ts file and
 * line."
 */
class TypeScriptTest {

    @TempDir
    Path dir;

    private TestApp weChatTs() {
        return TestApp.withPages(dir, "pages/a/a")
                .file("project.config.json", "{\"useCompilerPlugins\": [\"typescript\"]}");
    }

    @Test
    void aTypeScriptPageWithEnumsParameterPropertiesAbstractClassesGenericsAndTypeImportsRuns() {
        TestApp.Run run = weChatTs()
                .file("pages/a/a.ts", """
                        import type { Shape } from '../../lib/types';
                        import { Stack, Color } from '../../lib/shapes';

                        abstract class Base<T> {
                          constructor(protected readonly label: string, private items: T[] = []) {}
                          abstract describe(): string;
                          add(item: T): this { this.items.push(item); return this; }
                          get size(): number { return this.items.length; }
                        }

                        class Box extends Base<Shape> {
                          describe(): string { return `${this.label}:${this.size}`; }
                        }

                        interface Data { title?: string; nested?: { deep?: number } }

                        Page({
                          data: {} as Data,
                          onLoad() {
                            const box = new Box('box').add({ kind: 'square' } as Shape).add({ kind: 'dot' });
                            const s = new Stack<number>();
                            s.push(1); s.push(2);
                            const data = this.data as Data;
                            console.log(box.describe(), Color.Green, Color[Color.Blue], s.peek(), data.nested?.deep ?? 'none');
                          },
                        });
                        """)
                .file("lib/types.ts", "export interface Shape { kind: string }\nexport type Id = string | number;\n")
                .file("lib/shapes.ts", """
                        export enum Color { Red, Green = 5, Blue }
                        export class Stack<T> {
                          private items: T[] = [];
                          push(item: T): void { this.items.push(item); }
                          peek(): T | undefined { return this.items[this.items.length - 1]; }
                        }
                        """)
                .launch();
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).containsExactly("box:2 5 Blue 2 none");
    }

    @Test
    void anErrorInTypeScriptIsReportedAtTheTsFileAndLine() {
        TestApp.Run run = weChatTs()
                .file("pages/a/a.ts", """
                        enum Mode { A, B }
                        type Handler = (n: number) => void;

                        class Thrower {
                          constructor(private readonly mode: Mode) {}

                          run(): never {
                            throw new Error('boom in mode ' + Mode[this.mode]);
                          }
                        }

                        Page({
                          onLoad(): void {
                            const h: Handler = (n) => console.log('handled', n);
                            h(1);
                            new Thrower(Mode.B).run();
                          },
                        });
                        """)
                .launch();
        assertThat(run.logs()).as("%s", run).containsExactly("handled 1");
        assertThat(run.of("error").get(0).get("message")).as("%s", run).isEqualTo("Error: boom in mode B");
        assertThat(run.of("error").get(0).get("source")).as("%s", run).isEqualTo("pages/a/a.ts:8");
        assertThat((String) run.of("console").get(0).get("source")).as("%s", run).isEqualTo("pages/a/a.ts:14");
    }

    @Test
    void appTsAndATypeScriptComponentRunAndATsModuleResolvesAfterJs() {
        TestApp.Run run = TestApp.withAppJson(dir, "{\"pages\": [\"pages/a/a\"], \"usingComponents\": {}}")
                .file("mini.project.json", "{}")
                .file("app.ts", "const started: string = 'app.ts';\nApp({ onLaunch(): void { console.log(started); } });\n")
                .file("pages/a/a.json", "{\"usingComponents\": {\"my-card\": \"/components/card/card\"}}")
                .file("pages/a/a.axml", "<view><my-card/></view>")
                .file("pages/a/a.ts", "import { twice } from '../../lib/math';\n"
                        + "Page({ onLoad(): void { console.log('page', twice(21)); } });\n")
                .file("lib/math.ts", "export const twice = (n: number): number => n * 2;\n")
                .file("lib/math.js", "export const twice = (n) => 'js wins';\n")
                .file("components/card/card.ts", "interface P { title: string }\n"
                        + "Component({ didMount(): void { console.log('card mounted'); } });\nconsole.log('card.ts ran');\n")
                .file("components/card/card.axml", "<view>card</view>")
                .launch();
        assertThat(run.errors()).as("%s", run).isEmpty();
        assertThat(run.logs()).as("%s", run).startsWith("app.ts", "card.ts ran").contains("page js wins");
    }

    @Test
    void aTypeScriptSyntaxErrorNamesTheTsFileAndLine() {
        TestApp.Run run = weChatTs().file("pages/a/a.ts", "const a: number = 1;\n\nlet b: = 2;\nPage({});\n").launch();
        assertThat(run.of("error").get(0).get("message")).as("%s", run).asString().contains("pages/a/a.ts:3");
    }
}
