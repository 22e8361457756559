package dev.minisim;

import dev.minisim.junit.MiniSimScenarios;

/**
 * Plays every scenario of every bundled sample (sample-miniapps/NAME/scenarios/*.json) through
 * MiniSim's JUnit Platform engine (issue #11): each is one test, which fails with why and the
 * transcript unless the run ends with status ok, every expect held.
 */
@MiniSimScenarios("sample-miniapps")
class SampleScenariosTest {
}
