/**
 * Data for the bundled models: CSV loaders for IRT responses and radon measurements
 * ({@link dev.meads.models.data.IrtCsvLoader}, {@link dev.meads.models.data.RadonCsvLoader},
 * errors as {@link dev.meads.models.data.DataFileException}), the datasets shipped as resources
 * ({@link dev.meads.models.data.Datasets}), and synthetic-data generators with known truth
 * ({@link dev.meads.models.data.IrtGenerator}, {@link dev.meads.models.data.RadonGenerator}).
 */
package dev.meads.models.data;
