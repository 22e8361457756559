/**
 * The frame the client draws around a page, as plain data the window paints: the navigation bar
 * (app.json {@code window} and the page's json, changed by setNavigationBarTitle/Color) and the
 * tab bar (app.json {@code tabBar}, changed by setTabBarBadge, showTabBarRedDot, hideTabBar...).
 * Both platforms' keys are read here, so the window knows neither; nothing here knows JavaFX.
 */
package dev.minisim.frame;
