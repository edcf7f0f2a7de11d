-- CreateEnum
CREATE TYPE "UiLocale" AS ENUM ('en', 'ar');

-- CreateEnum
CREATE TYPE "CalendarPreference" AS ENUM ('gregory', 'islamic-umalqura', 'both');

-- CreateEnum
CREATE TYPE "DigitsPreference" AS ENUM ('latn', 'arab');

-- CreateEnum
CREATE TYPE "ThemePreference" AS ENUM ('system', 'light', 'dark');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "calendar" "CalendarPreference" NOT NULL DEFAULT 'gregory',
ADD COLUMN     "digits" "DigitsPreference" NOT NULL DEFAULT 'latn',
ADD COLUMN     "locale" "UiLocale",
ADD COLUMN     "theme" "ThemePreference" NOT NULL DEFAULT 'system';
